/**
 * The body of a service's `server.ts`: start it, stop it cleanly on SIGINT or SIGTERM, and on a start
 * failure print one line (the error's name and message, which carry no personal data) and exit 1.
 */
export async function runServer(
  start: () => Promise<{ close(): Promise<void> }>,
  report: (line: string) => void,
): Promise<void> {
  try {
    const running = await start();
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    report(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(1);
  }
}
