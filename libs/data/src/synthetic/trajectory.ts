// Straight, constant-speed motion of a pasted object across consecutive frames: the object is where it
// "should" not be, moving faster than the scene's normal traffic, and consistently so from frame to frame.
import type { Random } from '../random/seeded-random';

export interface Trajectory {
  /** Top-left corner at the sample's frame t, in pixels. */
  x: number;
  y: number;
  /** Pixels per frame. */
  vx: number;
  vy: number;
}

export interface TrajectoryOptions {
  /** Speed range as a fraction of the frame width per frame. */
  minSpeed: number;
  maxSpeed: number;
}

export function positionAt(trajectory: Trajectory, frameOffset: number): { x: number; y: number } {
  return { x: Math.round(trajectory.x + trajectory.vx * frameOffset), y: Math.round(trajectory.y + trajectory.vy * frameOffset) };
}

/** A trajectory whose position at frame t keeps the whole object inside the frame; anywhere, any direction. */
export function sampleTrajectory(
  random: Random,
  frame: { width: number; height: number },
  object: { width: number; height: number },
  options: TrajectoryOptions,
): Trajectory {
  const speed = random.float(options.minSpeed, options.maxSpeed) * frame.width;
  const angle = random.float(0, 2 * Math.PI);
  return {
    x: random.int(0, Math.max(1, frame.width - object.width + 1)),
    y: random.int(0, Math.max(1, frame.height - object.height + 1)),
    vx: speed * Math.cos(angle),
    vy: speed * Math.sin(angle),
  };
}
