// Replaced by the foundation work: starts the embedded PostgreSQL for integration tests.
export default async function setup(): Promise<void> {}
