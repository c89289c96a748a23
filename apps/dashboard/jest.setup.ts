// Test set-up: DOM matchers, and the browser APIs jsdom lacks that the charts need.
import '@testing-library/jest-dom';

/** Charts only need ResizeObserver to exist in jsdom; nothing is ever resized there. */
class ResizeObserverStub {
  observe(): void {
    return undefined;
  }
  unobserve(): void {
    return undefined;
  }
  disconnect(): void {
    return undefined;
  }
}
globalThis.ResizeObserver ??= ResizeObserverStub;
