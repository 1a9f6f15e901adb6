// The exports' door for the other workspaces (`@world-cafe/shared/export`): the report model, its
// HTML (PDF and print view), Markdown and CSV. Kept out of the main index so the room's download
// does not carry the report code; the JSON export is in the main index (import uses it).
export * from './report';
export * from './html';
export * from './markdown';
export * from './csv';
