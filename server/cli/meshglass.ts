/** The meshglass command line (run through meshglass.mjs). Subcommands: analyze. */
import { runAnalyze } from './analyze-command';

const [command, ...rest] = process.argv.slice(2);

if (command === 'analyze') {
  const r = runAnalyze(rest);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
} else {
  process.stderr.write(`Usage: meshglass analyze [-f PATH]... [--cluster NAME=PATH]... [-o text|json]\n${command ? `unknown command "${command}"\n` : ''}`);
  process.exitCode = command === '--help' || command === '-h' ? 0 : 1;
}
