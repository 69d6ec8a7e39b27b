import { processIo } from "./io.js";
import { runCli } from "./program.js";

const code = await runCli(process.argv.slice(2), { io: processIo, env: process.env });
// serve keeps running on its own; every other command is done here
process.exitCode = code;
