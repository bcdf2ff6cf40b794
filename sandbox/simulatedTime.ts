/** Milliseconds of real time for simulated seconds: the sandbox runs `speed` times faster than Azure. */
export function scaled(seconds: number, speed: number): number {
  return (seconds * 1000) / speed;
}
