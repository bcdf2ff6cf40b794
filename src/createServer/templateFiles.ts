import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import { buildFlexDeployment } from '../azure/flexProvisioning/flexTemplate';

/** One file of the saved template, named relative to the folder it is saved in. */
export interface TemplateFile {
  name: string;
  content: string;
}

/** What "Save as Template" writes, and the Azure CLI commands that deploy it. */
export interface TemplateFiles {
  files: [template: TemplateFile, parameters: TemplateFile];
  commands: string[];
}

const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/**
 * The exact template Create would send, and a parameters file without its secure parameters: the
 * password is never written, and the Azure CLI asks for a parameter the file leaves out.
 */
export function templateFilesFor(request: CreateServerRequest): TemplateFiles {
  const { template, parameters: values } = buildFlexDeployment(request);
  const isSecure = (name: string) => template.parameters[name]?.type.toLowerCase() === 'securestring';
  const parameters = Object.fromEntries(Object.entries(values).filter(([name]) => !isSecure(name)));
  const templateName = `${request.serverName}.template.json`;
  const parametersName = `${request.serverName}.parameters.json`;
  const group = request.resourceGroup;
  return {
    files: [
      { name: templateName, content: `${JSON.stringify(template, undefined, 2)}\n` },
      { name: parametersName, content: `${JSON.stringify({ $schema: PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters }, undefined, 2)}\n` },
    ],
    commands: [
      `az account set --subscription ${request.subscriptionId}`,
      ...(group.isNew ? [`az group create --name ${group.name} --location ${group.location ?? request.location}`] : []),
      `az deployment group create --resource-group ${group.name} --template-file ${templateName} --parameters @${parametersName}`,
    ],
  };
}
