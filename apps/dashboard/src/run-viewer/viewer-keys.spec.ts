import { viewerKeyAction, type ViewerPosition } from './viewer-keys';

const at = (frame: number): ViewerPosition => ({
  frame,
  frameCount: 100,
  intervals: [
    [20, 29],
    [60, 70],
  ],
});

describe('viewerKeyAction', () => {
  it('steps one frame with the arrows and ten with Shift', () => {
    expect(viewerKeyAction({ key: 'ArrowRight' }, at(5))).toEqual({ type: 'seek', frame: 6 });
    expect(viewerKeyAction({ key: 'ArrowLeft', shiftKey: true }, at(15))).toEqual({ type: 'seek', frame: 5 });
  });

  it('stops at both ends instead of wrapping', () => {
    expect(viewerKeyAction({ key: 'ArrowLeft', shiftKey: true }, at(3))).toEqual({ type: 'seek', frame: 0 });
    expect(viewerKeyAction({ key: 'ArrowRight' }, at(99))).toBeUndefined();
    expect(viewerKeyAction({ key: 'End' }, at(3))).toEqual({ type: 'seek', frame: 99 });
    expect(viewerKeyAction({ key: 'Home' }, at(3))).toEqual({ type: 'seek', frame: 0 });
  });

  it('jumps between abnormal intervals with the brackets', () => {
    expect(viewerKeyAction({ key: ']' }, at(0))).toEqual({ type: 'seek', frame: 20 });
    expect(viewerKeyAction({ key: ']' }, at(20))).toEqual({ type: 'seek', frame: 60 });
    expect(viewerKeyAction({ key: ']' }, at(60))).toBeUndefined();
    expect(viewerKeyAction({ key: '[' }, at(65))).toEqual({ type: 'seek', frame: 60 });
    expect(viewerKeyAction({ key: '[' }, at(60))).toEqual({ type: 'seek', frame: 20 });
    expect(viewerKeyAction({ key: '[' }, at(10))).toBeUndefined();
  });

  it('toggles playback and the overlay, and picks the map component', () => {
    expect(viewerKeyAction({ key: ' ' }, at(0))).toEqual({ type: 'toggle-play' });
    expect(viewerKeyAction({ key: 'o' }, at(0))).toEqual({ type: 'toggle-overlay' });
    expect(viewerKeyAction({ key: '2' }, at(0))).toEqual({ type: 'component', component: 'teacher' });
  });

  it('ignores other keys and empty videos', () => {
    expect(viewerKeyAction({ key: 'x' }, at(0))).toBeUndefined();
    expect(viewerKeyAction({ key: 'ArrowRight' }, { frame: 0, frameCount: 0, intervals: [] })).toBeUndefined();
  });
});
