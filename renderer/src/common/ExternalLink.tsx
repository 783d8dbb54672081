import type { MouseEvent } from 'react';
import { call } from '../bridge.js';

/**
 * A web link people recorded (原帖链接, a response's link). The window itself never navigates or opens pop-ups;
 * a click asks the desktop to open the link in the system browser.
 */
export function ExternalLink({ url }: { url: string }) {
  const open = (event: MouseEvent) => {
    event.preventDefault();
    void call('openExternal', { url });
  };
  return (
    <a href={url} onClick={open} rel="noreferrer noopener" className="break">
      {url}
    </a>
  );
}
