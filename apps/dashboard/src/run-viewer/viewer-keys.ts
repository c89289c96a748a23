// Keyboard navigation of the run viewer: which key does what, as a pure function of the key and the
// viewer's position, so every binding is tested without a browser.
import type { FrameInterval } from './frame-intervals';

export type MapComponent = 'combined' | 'teacher' | 'discrepancy';

export type ViewerAction =
  { type: 'seek'; frame: number } | { type: 'toggle-play' } | { type: 'toggle-overlay' } | { type: 'component'; component: MapComponent };

export interface ViewerPosition {
  frame: number;
  frameCount: number;
  /** Ground-truth abnormal intervals, sorted. */
  intervals: readonly FrameInterval[];
}

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
}

/** The bindings, for the on-screen help. */
export const VIEWER_KEYS: readonly [keys: string, what: string][] = [
  ['← →', 'previous / next frame'],
  ['Shift + ← →', '10 frames back / on'],
  ['Home End', 'first / last frame'],
  ['[ ]', 'previous / next abnormal interval'],
  ['Space', 'play / pause'],
  ['O', 'overlay on / off'],
  ['1 2 3', 'map: combined / teacher error / discrepancy'],
];

const clamp = (frame: number, count: number) => Math.max(0, Math.min(count - 1, frame));

export function viewerKeyAction(press: KeyPress, position: ViewerPosition): ViewerAction | undefined {
  const { frame, frameCount, intervals } = position;
  if (frameCount <= 0) return undefined;
  const seek = (to: number): ViewerAction | undefined => {
    const target = clamp(to, frameCount);
    return target === frame ? undefined : { type: 'seek', frame: target };
  };
  const step = press.shiftKey ? 10 : 1;
  switch (press.key) {
    case 'ArrowLeft':
      return seek(frame - step);
    case 'ArrowRight':
      return seek(frame + step);
    case 'Home':
      return seek(0);
    case 'End':
      return seek(frameCount - 1);
    case ']': {
      const next = intervals.find(([start]) => start > frame);
      return next ? seek(next[0]) : undefined;
    }
    case '[': {
      // the start of the interval before the one the frame is in (or the current one's start, when past it)
      const previous = [...intervals].reverse().find(([start]) => start < frame);
      return previous ? seek(previous[0]) : undefined;
    }
    case ' ':
    case 'k':
      return { type: 'toggle-play' };
    case 'o':
    case 'O':
      return { type: 'toggle-overlay' };
    case '1':
      return { type: 'component', component: 'combined' };
    case '2':
      return { type: 'component', component: 'teacher' };
    case '3':
      return { type: 'component', component: 'discrepancy' };
    default:
      return undefined;
  }
}
