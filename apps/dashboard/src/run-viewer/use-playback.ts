// Plays through frames at a given rate, stopping at the last frame.
'use client';
import { useEffect } from 'react';

export function usePlayback(playing: boolean, framesPerSecond: number, advance: () => boolean): void {
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(
      () => {
        if (!advance()) clearInterval(timer);
      },
      1000 / Math.max(1, framesPerSecond),
    );
    return () => clearInterval(timer);
  }, [playing, framesPerSecond, advance]);
}
