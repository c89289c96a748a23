// A server process stops cleanly on Ctrl+C and on its supervisor's SIGTERM: `stop` closes what it opened,
// then the process exits (with 1 when stopping failed, so that a supervisor sees it).
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void = () => undefined): void {
  const onSignal = () => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
