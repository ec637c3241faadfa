// Preloaded into a benchmarked process (`node --import`): prints its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
