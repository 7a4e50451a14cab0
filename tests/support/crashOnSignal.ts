/**
 * Preloaded into a server child process by a test (`--import`): on SIGUSR2 it throws
 * from a timer callback, i.e. an exception nothing catches — standing in for any bug.
 */
process.on('SIGUSR2', () => {
  setImmediate(() => {
    throw new Error('simulated crash for the fatal-log test');
  });
});
