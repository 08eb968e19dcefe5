// Vite's ambient types: what `import './x.css'` and `import.meta.env` are (the console's
// stylesheets are imported for their side effect, which TypeScript 6+ checks resolves).
/// <reference types="vite/client" />
