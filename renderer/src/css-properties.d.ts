import 'react';

// Custom properties the components set inline so the stylesheet can derive tints from one colour.
declare module 'react' {
  interface CSSProperties {
    '--tag-color'?: string;
  }
}
