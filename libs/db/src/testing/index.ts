export { createTestDatabase, testDatabaseKind, type TestDatabase } from './test-database';
