// What other projects' tests use to put the storage in a failing state.
export { FailingWritesStorage, type WriteFaultCode } from './failing-writes-storage';
