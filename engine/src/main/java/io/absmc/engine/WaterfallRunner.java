package io.absmc.engine;

import io.absmc.resolve.ResolvedDeal;
import io.absmc.resolve.ResolvedStep;
import io.absmc.scenario.Account;

/**
 * Executes a deal's data-driven waterfall on one payment date: each step takes cash from its source
 * account and pays fees, interest, principal or the residual class, buys loans, draws on the
 * guarantee or funds the reserve. Knows nothing of how defaults were drawn. Reused by one thread.
 */
final class WaterfallRunner {

  private static final double EPS = 1e-9;

  private final ResolvedDeal deal;
  private final DealBook book;
  private final double[] owed;

  WaterfallRunner(ResolvedDeal deal, DealBook book) {
    this.deal = deal;
    this.book = book;
    this.owed = new double[Math.max(deal.tranches, deal.fees)];
  }

  /**
   * Runs the steps for period {@code p}.
   *
   * @param trapExcessSpread whether a trap trigger is on: the residual payment goes to the reserve
   * @param finalDate whether this is the deal's final payment date (the legal final date, or the
   *     first date after which the pool will collect nothing more): the reserve is released into
   *     the interest account before the steps run, and stays closed
   */
  void run(ResolvedStep[] steps, int p, boolean trapExcessSpread, boolean finalDate,
      Purchases purchases) {
    if (finalDate && !book.reserveClosed) {
      book.interestAccount += book.reserveAccount;
      book.reserveAccount = 0;
      book.reserveClosed = true;
    }
    for (ResolvedStep step : steps) {
      switch (step.type()) {
        case PAY_FEES -> payFees(step);
        case PAY_INTEREST -> payInterest(step);
        case PAY_PRINCIPAL -> payPrincipal(step, p);
        case DRAW_GUARANTEE -> drawGuarantee(step, p);
        case FUND_RESERVE -> fundReserve(step);
        case REINVEST -> reinvest(p, purchases);
        case PAY_RESIDUAL -> payResidual(step, trapExcessSpread);
        default -> throw new IllegalStateException("unknown step " + step.type());
      }
    }
  }

  private void payFees(ResolvedStep step) {
    for (int f : step.targets()) {
      double due = book.feeDue[f] - book.feePaid[f];
      book.feePaid[f] += take(step.from(), due);
    }
  }

  private void payInterest(ResolvedStep step) {
    int[] ts = step.targets();
    for (int i = 0; i < ts.length; i++) {
      owed[i] = book.interestDue[ts[i]] - book.interestPaid[ts[i]];
    }
    allocate(step, ts.length);
    for (int i = 0; i < ts.length; i++) {
      book.interestPaid[ts[i]] += owed[i];
    }
  }

  private void payPrincipal(ResolvedStep step, int p) {
    int[] ts = step.targets();
    for (int i = 0; i < ts.length; i++) {
      owed[i] = principalPayable(ts[i], p);
    }
    allocate(step, ts.length);
    for (int i = 0; i < ts.length; i++) {
      book.principalPaid[ts[i]] += owed[i];
      book.balance[ts[i]] -= owed[i];
    }
  }

  /** What the tranche may be paid now: all of it when pass-through, else what has fallen due. */
  private double principalPayable(int t, int p) {
    return deal.passThrough[t] ? book.balance[t] : principalOverdue(t, p);
  }

  private double principalOverdue(int t, int p) {
    return Math.max(0, book.balance[t] - deal.dueBalance[t * deal.periods + p]);
  }

  /**
   * Replaces {@code owed[0..n)} with what is paid from the step's source: in order when
   * sequential, in proportion to what is owed when pro rata.
   */
  private void allocate(ResolvedStep step, int n) {
    if (step.proRata()) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        total += owed[i];
      }
      double paid = take(step.from(), total);
      double share = total > 0 ? paid / total : 0;
      for (int i = 0; i < n; i++) {
        owed[i] *= share;
      }
    } else {
      for (int i = 0; i < n; i++) {
        owed[i] = take(step.from(), owed[i]);
      }
    }
  }

  private void drawGuarantee(ResolvedStep step, int p) {
    for (int t : step.targets()) {
      if (!deal.guaranteed[t] || (deal.guaranteeAtMaturity && p != deal.expectedMaturity[t])) {
        continue;
      }
      double room = deal.guaranteeCap - book.guaranteeUsed;
      double interest = deal.guaranteeCoversInterest
          ? Math.min(room, book.interestDue[t] - book.interestPaid[t]) : 0;
      room -= interest;
      double principalOwed = deal.guaranteeAtMaturity ? book.balance[t] : principalOverdue(t, p);
      double principal = deal.guaranteeCoversPrincipal ? Math.min(room, principalOwed) : 0;
      book.interestPaid[t] += interest;
      book.principalPaid[t] += principal;
      book.balance[t] -= principal;
      book.guaranteeDraw[t] += interest + principal;
      book.guaranteeUsed += interest + principal;
    }
  }

  private void fundReserve(ResolvedStep step) {
    if (book.reserveClosed) {
      return;
    }
    double need = Math.max(0, deal.reserveTarget - book.reserveAccount);
    book.reserveAccount += take(step.from(), need);
  }

  private void reinvest(int p, Purchases purchases) {
    double fromPrincipal = Math.min(book.reinvestable * deal.reinvestmentRate,
        book.principalAccount);
    double fromInterest = deal.reinvestExcessInterest ? book.interestAccount : 0;
    double spent = purchases.buy(p, deal.paymentDay[p], fromPrincipal + fromInterest);
    double principalPart = Math.min(spent, fromPrincipal);
    book.principalAccount -= principalPart;
    book.interestAccount -= spent - principalPart;
    book.reinvestedCash += spent;
  }

  /**
   * Pays what is left to the residual class. Its principal is repaid only once every other class
   * is repaid; the rest is residual return. A trap trigger sends the payment to the reserve instead,
   * but only while other classes are outstanding: once they are repaid the reserve itself is
   * released to the residual class (on the final payment date it was released before the steps).
   */
  private void payResidual(ResolvedStep step, boolean trap) {
    int t = step.targets()[0];
    boolean othersRepaid = true;
    for (int u = 0; u < deal.tranches; u++) {
      if (u != t && book.balance[u] > EPS) {
        othersRepaid = false;
        break;
      }
    }
    boolean windUp = othersRepaid || book.reserveClosed;
    double amount = take(step.from(), available(step.from()));
    if (trap && !windUp) {
      book.reserveAccount += amount;
      return;
    }
    if (windUp) {
      amount += book.reserveAccount;
      book.reserveAccount = 0;
    }
    double principal = othersRepaid ? Math.min(amount, book.balance[t]) : 0;
    book.principalPaid[t] += principal;
    book.balance[t] -= principal;
    book.residualPaid[t] += amount - principal;
  }

  /** Takes up to {@code amount} from the accounts, in order; returns what was taken. */
  private double take(Account[] from, double amount) {
    if (!(amount > 0)) {
      return 0;
    }
    double left = amount;
    for (Account a : from) {
      switch (a) {
        case INTEREST -> {
          double x = Math.min(left, book.interestAccount);
          book.interestAccount -= x;
          left -= x;
        }
        case PRINCIPAL -> {
          double x = Math.min(left, book.principalAccount);
          book.principalAccount -= x;
          left -= x;
        }
        case RESERVE -> {
          double x = Math.min(left, book.reserveAccount);
          book.reserveAccount -= x;
          book.reserveDrawn += x;
          left -= x;
        }
        default -> throw new IllegalStateException("unknown account " + a);
      }
    }
    return amount - left;
  }

  /** Cash the accounts hold. */
  private double available(Account[] from) {
    double sum = 0;
    for (Account a : from) {
      sum += switch (a) {
        case INTEREST -> book.interestAccount;
        case PRINCIPAL -> book.principalAccount;
        case RESERVE -> book.reserveAccount;
      };
    }
    return sum;
  }
}
