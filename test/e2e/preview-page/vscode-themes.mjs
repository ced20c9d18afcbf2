// The theme variables VS Code sets on a webview (`--vscode-<colour id>`), with the values of its
// default themes (Light Modern, Dark Modern, Dark High Contrast) for the colours the preview uses.
// The page test adds them as VS Code does, so the page is seen with real theme colours; each
// theme is chosen by the body class VS Code sets (vscode-light, vscode-dark, vscode-high-contrast).
const THEMES = {
  'vscode-light': {
    'editor-background': '#ffffff', foreground: '#3b3b3b', 'editor-foreground': '#3b3b3b', descriptionForeground: '#3b3b3b',
    'panel-border': '#e5e5e5', contrastBorder: 'transparent', focusBorder: '#005fb8', errorForeground: '#f85149',
    'charts-foreground': '#616161', 'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-red': '#e51400', 'charts-blue': '#1a85ff',
    'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
  },
  'vscode-dark': {
    'editor-background': '#1f1f1f', foreground: '#cccccc', 'editor-foreground': '#cccccc', descriptionForeground: '#9d9d9d',
    'panel-border': '#2b2b2b', contrastBorder: 'transparent', focusBorder: '#0078d4', errorForeground: '#f85149',
    'charts-foreground': '#cccccc', 'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff',
    'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
  },
  'vscode-dark vscode-high-contrast': {
    'editor-background': '#000000', foreground: '#ffffff', 'editor-foreground': '#ffffff', descriptionForeground: '#ffffff',
    'panel-border': '#6fc3df', contrastBorder: '#6fc3df', focusBorder: '#f38518', errorForeground: '#f48771',
    'charts-foreground': '#ffffff', 'charts-lines': 'rgba(255, 255, 255, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff',
    'charts-yellow': '#ffff00', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
  },
};

/** The body classes of the three themes, by name. */
export const THEME_CLASSES = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-dark vscode-high-contrast' };

/** One stylesheet holding every theme's variables, each under its body classes. */
export function themeVariablesCss() {
  return Object.entries(THEMES)
    .map(([classes, colours]) => {
      const selector = `body${classes.split(' ').map((name) => `.${name}`).join('')}`;
      const declarations = Object.entries(colours).map(([id, value]) => `--vscode-${id}: ${value};`).join(' ');
      return `${selector} { ${declarations} }`;
    })
    .join('\n');
}
