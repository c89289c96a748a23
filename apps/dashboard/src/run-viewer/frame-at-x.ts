// Which frame a click on the timeline means: the pointer's x across the plot area, rounded to the
// nearest frame and kept inside the video. Clicks in the margins go to the first or last frame.
export function frameAtX(clientX: number, plotLeft: number, plotWidth: number, lastFrame: number): number {
  if (plotWidth <= 0 || lastFrame <= 0) return 0;
  const fraction = (clientX - plotLeft) / plotWidth;
  return Math.max(0, Math.min(lastFrame, Math.round(fraction * lastFrame)));
}
