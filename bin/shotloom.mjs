#!/usr/bin/env node
// The CLI host, built by `npm run build` into out/main/cli.js.
import { runCli } from '../out/main/cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
