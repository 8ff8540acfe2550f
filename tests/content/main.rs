//! The shipped knowledge base and search over it: structure and sourcing, the golden reader
//! queries, and ranking on generated vocabularies. One test binary, so that it links once.

mod claims;
mod knowledge_base;
mod search_golden;
mod search_ranking;
mod wrapping;
