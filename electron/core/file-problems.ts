// Why a file could not be opened or written, in words a person can act on. Node's and SQLite's own messages are
// English and name system calls (ENOENT: no such file or directory, open …); the CLI, the app and the sync door
// all say it this way instead.

const PROBLEMS: Record<string, string> = {
  ENOENT: '所在文件夹不存在',
  ENOTDIR: '所在文件夹不存在',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '磁盘只读',
  EISDIR: '这是一个文件夹',
  ENOSPC: '磁盘已满',
  EBUSY: '文件正被其他程序占用',
  SQLITE_CANTOPEN: '文件夹不存在或没有权限',
  SQLITE_READONLY: '文件只读',
  SQLITE_PERM: '没有权限',
  SQLITE_FULL: '磁盘已满',
  SQLITE_BUSY: '数据库正被其他程序使用',
};

/** The reason in Chinese where the error code is known; otherwise the code, or the message as a last resort. */
export function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // SQLite's extended codes (SQLITE_CANTOPEN_ISDIR) share their primary code's reason.
    return PROBLEMS[code] ?? PROBLEMS[code.split('_').slice(0, 2).join('_')] ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}
