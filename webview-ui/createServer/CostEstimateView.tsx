import * as l10n from '../../machines/l10n';
import { estimateMonthlyCost, ESTIMATE_EXCLUDES } from '../../machines/flexDeployment/costEstimate';
import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import { offeredSku } from '../../machines/flexDeployment/offeredOptions';
import type { FormCatalog } from './formValues';

/** The review's monthly estimate from the Retail Prices API, with what it leaves out. */
export function CostEstimateView({ request, catalog }: { request: CreateServerRequest; catalog: FormCatalog }) {
  const prices = catalog.prices?.location === request.location ? catalog.prices : undefined;
  const sku = offeredSku(catalog.capabilities, request.tier, request.skuName);
  const estimate = prices && 'items' in prices && sku ? estimateMonthlyCost(request, sku.vCores, prices.items) : undefined;

  return (
    <section aria-label={l10n.t('Estimated cost')}>
      <h2>{l10n.t('Estimated monthly cost')}</h2>
      {!prices ? <p>{l10n.t('Reading the list prices…')}</p> : null}
      {prices && 'unavailable' in prices ? <p>{l10n.t('No estimate: the prices could not be read ({0}).', prices.unavailable)}</p> : null}
      {estimate?.kind === 'unpriced' ? <p>{l10n.t('No estimate: the price list has no price for {0}.', estimate.missing.join(', '))}</p> : null}
      {estimate?.kind === 'estimate' ? (
        <>
          <dl className="review-lines">
            {estimate.lines.map((line) => (
              <div key={line.label} className="review-line">
                <dt>{line.label}</dt>
                <dd>{money(line.monthly, estimate.currency)}</dd>
              </div>
            ))}
            <div className="review-line review-total">
              <dt>{l10n.t('Total per month')}</dt>
              <dd>{money(estimate.total, estimate.currency)}</dd>
            </div>
          </dl>
          <p className="estimate-note">
            {l10n.t(
              'Pay-as-you-go list prices in {0} for 730 hours a month, from the Azure Retail Prices API. Not included: {1}.',
              estimate.currency,
              ESTIMATE_EXCLUDES.join('; '),
            )}
          </p>
        </>
      ) : null}
    </section>
  );
}

function money(amount: number, currency: string): string {
  return l10n.formatNumber(amount, { style: 'currency', currency });
}
