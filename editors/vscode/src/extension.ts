/**
 * gwlint for VS Code: runs `gwlint lsp` through vscode-languageclient for the
 * open text and Markdown documents, and adds two commands: Lint Workspace
 * (runs `gwlint --format json` over the workspace folders and lists the
 * findings in Problems) and Add Word to Allow List (the server's
 * gwlint.addToAllowList command, which writes `allow` in gwlint.toml).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

import { Finding, Problem, problemsByFile, splitLines } from "./findings";
import { lintArguments, readSettings, serverExecutable, serverSettings, Settings } from "./settings";

const SERVER_COMMAND_ALLOW = "gwlint.addToAllowList"; // lsp/server.py CMD_ALLOW
const LANGUAGES = ["plaintext", "markdown"];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let workspaceProblems: vscode.DiagnosticCollection;

function settings(): Settings {
  return readSettings(vscode.workspace.getConfiguration("gwlint"));
}

function clientOptions(s: Settings): LanguageClientOptions {
  return {
    documentSelector: ["file", "untitled"].flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language }))),
    initializationOptions: serverSettings(s),
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{gwlint.toml,pyproject.toml}") },
  };
}

async function startClient(): Promise<LanguageClient | undefined> {
  const s = settings();
  const serverOptions: ServerOptions = serverExecutable(s);
  const started = new LanguageClient("gwlint", "gwlint", serverOptions, clientOptions(s));
  try {
    await started.start();
  } catch (err) {
    void vscode.window.showErrorMessage(
      `gwlint: 无法启动语言服务器 “${s.path} lsp”（${String(err)}）。请在设置 gwlint.path 中填写 gwlint 的完整路径。`,
    );
    return undefined;
  }
  return started;
}

async function restartClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
  client = await startClient();
}

async function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
  if (event.affectsConfiguration("gwlint.path")) {
    await restartClient();
  } else if (event.affectsConfiguration("gwlint") && client) {
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings(settings()) });
  }
}

/** Runs gwlint over one folder: its findings, or the one-line error it gave. */
function runGwlint(s: Settings, folder: string): Promise<{ findings: Finding[]; error?: string }> {
  return new Promise((resolve) => {
    execFile(
      s.path,
      lintArguments(s, folder),
      { cwd: folder, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" } },
      (err, stdout, stderr) => {
        const code: unknown = err ? (err as { code?: unknown }).code : 0;
        if (code === 0 || code === 1) {
          try {
            resolve({ findings: JSON.parse(stdout || "[]") as Finding[] });
          } catch (parseError) {
            resolve({ findings: [], error: `unreadable output (${String(parseError)})` });
          }
        } else if (code === "ENOENT") {
          resolve({ findings: [], error: `“${s.path}” not found: set gwlint.path` });
        } else {
          resolve({ findings: [], error: String(stderr).trim().split("\n")[0] || String(err) });
        }
      },
    );
  });
}

function readLines(file: string): string[] | undefined {
  if (!/\.(txt|md|markdown)$/i.test(file)) return undefined;
  try {
    return splitLines(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(p.startLine, p.startCharacter, p.endLine, p.endCharacter);
  const d = new vscode.Diagnostic(range, p.message, p.severity as vscode.DiagnosticSeverity);
  d.source = "gwlint";
  d.code = p.code;
  return d;
}

/** "Lint Workspace": the number of findings listed in Problems. */
async function lintWorkspace(): Promise<number> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file");
  if (folders.length === 0) {
    void vscode.window.showWarningMessage("gwlint: 没有打开的工作区文件夹。");
    return 0;
  }
  const s = settings();
  // documents open in an editor have the server's live findings already
  const open = new Set(
    vscode.workspace.textDocuments.filter((d) => LANGUAGES.includes(d.languageId)).map((d) => d.uri.fsPath),
  );
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "gwlint: 检查工作区" },
    async () => {
      workspaceProblems.clear();
      let total = 0;
      let files = 0;
      for (const folder of folders) {
        const { findings, error } = await runGwlint(s, folder.uri.fsPath);
        if (error) {
          output.appendLine(`gwlint ${folder.uri.fsPath}: ${error}`);
          void vscode.window.showErrorMessage(`gwlint: ${error}`);
          continue;
        }
        for (const [file, problems] of problemsByFile(findings, folder.uri.fsPath, readLines)) {
          total += problems.length;
          files += 1;
          if (!open.has(file)) workspaceProblems.set(vscode.Uri.file(file), problems.map(toDiagnostic));
        }
      }
      void vscode.commands.executeCommand("workbench.actions.view.problems");
      void vscode.window.showInformationMessage(`gwlint: ${files} 个文件中共 ${total} 处问题。`);
      return total;
    },
  );
}

/** The word to allow: the selection, else the text of the gwlint finding at the cursor. */
function wordAtCursor(editor: vscode.TextEditor): string {
  const selected = editor.document.getText(editor.selection).trim();
  if (selected) return selected;
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === "gwlint" && d.range.contains(editor.selection.active));
  return here.length ? editor.document.getText(here[0].range).trim() : "";
}

/** "Add Word to Allow List": the gwlint.toml written, or undefined. */
async function addWordToAllowList(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showWarningMessage("gwlint: 请在由 gwlint 检查的文稿中使用此命令。");
    return undefined;
  }
  const word = (
    await vscode.window.showInputBox({
      prompt: "加入允许词表的词（写入 gwlint.toml 的 allow，此后不再报告）",
      value: wordAtCursor(editor),
    })
  )?.trim();
  if (!word) return undefined;
  const config: string = await client.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_COMMAND_ALLOW,
    arguments: [editor.document.uri.toString(), word],
  });
  void vscode.window.showInformationMessage(`gwlint: 已把“${word}”加入 ${config}`);
  return config;
}

export interface GwlintApi {
  /** The running language client (for tests and other extensions). */
  languageClient(): LanguageClient | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<GwlintApi> {
  output = vscode.window.createOutputChannel("gwlint");
  workspaceProblems = vscode.languages.createDiagnosticCollection("gwlint-workspace");
  context.subscriptions.push(
    output,
    workspaceProblems,
    vscode.commands.registerCommand("gwlint.lintWorkspace", lintWorkspace),
    vscode.commands.registerCommand("gwlint.addWordToAllowList", addWordToAllowList),
    vscode.commands.registerCommand("gwlint.restartServer", restartClient),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    // once a file is open, the server's findings replace the workspace run's
    vscode.workspace.onDidOpenTextDocument((d) => workspaceProblems.delete(d.uri)),
  );
  client = await startClient();
  return { languageClient: () => client };
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop();
}
