/**
 * Child processes of the rehearsal: the built app (`node dist/main.js` in the staged folder) and the
 * operational commands, each with exactly the environment given (nothing inherited but PATH and
 * HOME, so no setting of the machine running the tests leaks in).
 */
import { spawn, type ChildProcess } from "node:child_process";

/** Generous: start-up provisions against the emulator, and the machine may be loaded. */
const START_TIMEOUT_MS = 90_000;
const COMMAND_TIMEOUT_MS = 120_000;

const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" });

export interface BuiltApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startBuiltApp(folder: string, port: number, env: Record<string, string>): Promise<BuiltApp> {
  const child = spawn(process.execPath, ["dist/main.js"], { cwd: folder, env: { ...baseEnv(), ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes("LIFT Hub is running at")) done(resolve);
      }, 100);
      const timeout = setTimeout(() => done(() => reject(new Error(`dist/main.js did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`))), START_TIMEOUT_MS);
      const onExit = (code: number | null) => done(() => reject(new Error(`dist/main.js exited with ${code}:\n${output}`)));
      child.once("exit", onExit);
      function done(then: () => void) {
        clearInterval(timer);
        clearTimeout(timeout);
        child.off("exit", onExit);
        then();
      }
    });
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return { url: `http://localhost:${port}`, output: () => output, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await exited;
}

/** Runs a command to completion; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runCommand(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...baseEnv(), ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`${args.join(" ")} did not finish within ${COMMAND_TIMEOUT_MS / 1000} s:\n${output}`));
    }, COMMAND_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
