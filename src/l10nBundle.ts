import * as vscode from 'vscode';
import { useBundle } from '../machines/l10n';

// Imported first by extension.ts: module-level text (button labels) is translated as it is defined.
useBundle(vscode.l10n.bundle, vscode.env.language);
