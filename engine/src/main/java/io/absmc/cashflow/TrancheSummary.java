package io.absmc.cashflow;

import io.absmc.engine.Irr;
import io.absmc.engine.PathRecord;
import io.absmc.resolve.ResolvedDeal;

/**
 * What one tranche got on one path, in RMB. Two measures of loss, both reported because analysts
 * use both (the deal's source articles give one for the senior and the other for the mezzanine):
 * {@code gainVsPaidIn} is received less the amount paid in; {@code shortfallVsPromised} is what was
 * still owed after the legal final date (unpaid principal plus unpaid interest).
 *
 * @param name tranche name
 * @param paidIn original principal
 * @param received everything paid to the tranche, guarantor's payments included
 * @param fromGuarantor the part of {@code received} paid by the guarantor
 * @param promised what the tranche was owed: received plus shortfall, less any residual return
 * @param gainVsPaidIn received minus paid in (negative: less came back than was paid in)
 * @param shortfallVsPromised principal and interest still unpaid after the tranche's legal final
 *     date
 * @param walYears weighted average life of the principal repaid, ACT/365F years from closing (NaN
 *     when no principal was repaid)
 * @param irr annual internal rate of return of the cash flows, -1 when nothing came back
 */
public record TrancheSummary(String name, double paidIn, double received, double fromGuarantor,
    double promised, double gainVsPaidIn, double shortfallVsPromised, double walYears, double irr) {

  /** Summarises tranche {@code t} of a path. */
  public static TrancheSummary of(ResolvedDeal deal, PathRecord r, int t) {
    double received = r.totalReceived(t);
    double guarantor = 0;
    double residual = 0;
    double principal = 0;
    double weighted = 0;
    for (int p = 0; p < r.periods; p++) {
      int k = r.at(t, p);
      guarantor += r.trancheGuaranteeDraw[k];
      residual += r.trancheResidualPaid[k];
      principal += r.principalPaid[k];
      weighted += r.principalPaid[k] * deal.yearsToPayment[p];
    }
    double shortfall = r.principalLoss(t) + r.interestLoss(t);
    double paidIn = deal.trancheAmount[t];
    double wal = principal > 0 ? weighted / principal : Double.NaN;
    return new TrancheSummary(deal.trancheNames[t], paidIn, received, guarantor,
        received - residual + shortfall, received - paidIn, shortfall, wal, irr(deal, r, t));
  }

  /** Annual IRR of the tranche's cash flows ({@link Irr}). */
  static double irr(ResolvedDeal deal, PathRecord r, int t) {
    return new Irr(r.periods).solve(deal, r, t);
  }
}
