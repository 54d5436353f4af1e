/** Module shapes vite provides that the TypeScript compiler cannot see for itself. */

/** pdf.js's ES module build, typed by the package's declarations. */
declare module 'pdfjs-dist/build/pdf.mjs' {
  export * from 'pdfjs-dist';
}

/** `?url`: the file is emitted into the build as is, and the import is its address. */
declare module '*?url' {
  const url: string;
  export default url;
}
