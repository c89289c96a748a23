// A value that follows another once it has stopped changing for a moment: dragging the threshold slider
// asks the server for the frame's regions once the hand rests, not at every pixel of the drag.
'use client';
import { useEffect, useState } from 'react';

export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
