import { describe, expect, it } from 'vitest';
import { deploymentConnectionString, profileConnectionString, psqlEnvironment } from '../../../src/connections/connectionString';
import { deploymentContext, PASSWORD } from '../createServer/fakes';

describe("a deployment's connection string", () => {
  it('names the host, port 5432, the database, the login and sslmode=require, and no password', () => {
    const deployment = deploymentContext({
      connectionProfile: { server: 'pg-dev-1.postgres.database.azure.com', database: 'app', user: 'ada', authenticationType: 'SqlLogin' },
    });
    expect(deploymentConnectionString(deployment)).toBe('host=pg-dev-1.postgres.database.azure.com port=5432 dbname=app user=ada sslmode=require');
    expect(deploymentConnectionString(deployment)).not.toContain(PASSWORD);
  });

  it("connects to Azure's default database when the profile names none, as the profile does", () => {
    const deployment = deploymentContext({ connectionProfile: { server: 'pg-dev-1.postgres.database.azure.com', database: '', user: 'ada' } });
    expect(deploymentConnectionString(deployment)).toContain(' dbname=postgres ');
  });

  it('signs in as the Entra principal, quoted the way libpq reads a value with spaces or quotes', () => {
    const deployment = deploymentContext({
      connectionProfile: { server: 'pg-dev-1.postgres.database.azure.com', database: '', user: "DBA's team", entraUserName: "DBA's team", authenticationType: 'AzureMFA' },
    });
    expect(deploymentConnectionString(deployment)).toBe(
      "host=pg-dev-1.postgres.database.azure.com port=5432 dbname=postgres user='DBA\\'s team' sslmode=require",
    );
  });

  it('escapes a backslash and quotes an empty value', () => {
    const deployment = deploymentContext({ connectionProfile: { server: 'h', database: 'a\\b', user: '' , authenticationType: 'SqlLogin' }, request: undefined });
    expect(deploymentConnectionString(deployment)).toBe("host=h port=5432 dbname='a\\\\b' user='' sslmode=require");
  });

  it('falls back to the server name and the request when the staged profile is partial (migrated records)', () => {
    const deployment = deploymentContext({ connectionProfile: {} });
    expect(deploymentConnectionString(deployment)).toBe('host=pg-dev-1.postgres.database.azure.com port=5432 dbname=postgres user=ada sslmode=require');
  });
});

describe("a saved profile's psql parameters", () => {
  const entra = { server: 'pg-dev-1.postgres.database.azure.com', database: '', user: 'ada@contoso.com', entraUserName: 'ada@contoso.com', authenticationType: 'AzureMFA' as const };

  it('are the same as its connection string, as libpq environment variables, with no PGPASSWORD', () => {
    expect(profileConnectionString(entra)).toBe('host=pg-dev-1.postgres.database.azure.com port=5432 dbname=postgres user=ada@contoso.com sslmode=require');
    expect(psqlEnvironment(entra)).toEqual({
      PGHOST: 'pg-dev-1.postgres.database.azure.com',
      PGPORT: '5432',
      PGDATABASE: 'postgres',
      PGUSER: 'ada@contoso.com',
      PGSSLMODE: 'require',
    });
  });

  it('name the value as it is: the environment needs no libpq quoting', () => {
    expect(psqlEnvironment({ ...entra, user: "DBA's team", entraUserName: "DBA's team" }).PGUSER).toBe("DBA's team");
  });
});
