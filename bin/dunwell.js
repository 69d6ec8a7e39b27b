#!/usr/bin/env node
import("../dist/cli/main.js").catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(70);
});
