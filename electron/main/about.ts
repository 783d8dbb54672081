import { app, type BrowserWindow, dialog, type MessageBoxOptions } from 'electron';

/** 帮助 → 关于: name, version and what the program is for. */
export function showAbout(parent: BrowserWindow | undefined): void {
  const options = {
    type: 'info',
    title: '关于',
    message: '舆情回应台账',
    detail: `版本 ${app.getVersion()}\n县级政务舆情回应、承诺督办与周报。数据保存在本机，离线可用。`,
    buttons: ['确定'],
  } satisfies MessageBoxOptions;
  void (parent && !parent.isDestroyed() ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
