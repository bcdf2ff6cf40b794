import type { DetailsOutput } from '../../src/deployments/deploymentDetails';

export class RecordingOutput implements DetailsOutput {
  lines: string[] = [];
  shown = 0;
  appendLine(line: string) {
    this.lines.push(line);
  }
  show() {
    this.shown++;
  }
}
