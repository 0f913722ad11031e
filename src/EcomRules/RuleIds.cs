namespace EcomRules;

/// <summary>
/// The rules of the EcomRules catalogue (<c>RULES.md</c>) by ID. Each summary is the short English reading of the
/// rule; the catalogue is the authority.
/// </summary>
public static class RuleIds
{
    /// <summary>ORD-1: An order moves through: placed → paid → confirmed (customer identified, order entered) → allocated (stock reserved, delivery note made) → invoiced → shipped (handed to carrier with tracking number) → received …</summary>
    public static readonly RuleId Ord1 = new("ORD-1");

    /// <summary>ORD-2: The buyer may cancel at any point before signing for receipt; the platform refunds in full. Cancelling after shipment means the parcel is intercepted or returned; the refund still is full. (000)</summary>
    public static readonly RuleId Ord2 = new("ORD-2");

    /// <summary>ORD-3: An order that must go by courier ships within 3 days of payment (dispatch deadline). (004)</summary>
    public static readonly RuleId Ord3 = new("ORD-3");

    /// <summary>ORD-4: Each order is tracked through shipment and delivery; progress is reported to the customer. (000, 003, 004)</summary>
    public static readonly RuleId Ord4 = new("ORD-4");

    /// <summary>ORD-5: After completion the customer gets a follow-up visit (回访) task. (004)</summary>
    public static readonly RuleId Ord5 = new("ORD-5");

    /// <summary>ORD-6: Transaction records are kept for at least 5 years. (000)</summary>
    public static readonly RuleId Ord6 = new("ORD-6");

    /// <summary>ORD-7: Nothing ships without complete paperwork (paid, delivery note, invoice where required): the warehouse refuses release otherwise. (000, 001)</summary>
    public static readonly RuleId Ord7 = new("ORD-7");

    /// <summary>CUS-1: A business buyer gives: company name, organisation code (today the 18-character unified social credit code, which carries a check character), address down to street and number, the responsible person's name and phone.</summary>
    public static readonly RuleId Cus1 = new("CUS-1");

    /// <summary>CUS-2: A private buyer gives: resident ID number (18 characters, last one a check digit, may be X), 6-digit postal code, full address.</summary>
    public static readonly RuleId Cus2 = new("CUS-2");

    /// <summary>CUS-3: A new order is matched to an existing customer by invoice details (company/customer name, mobile number) within 15 minutes; a corrected match turns a "new" customer into a known one; otherwise a new customer record …</summary>
    public static readonly RuleId Cus3 = new("CUS-3");

    /// <summary>DSP-1: Working days are Monday to Saturday; Sunday is rest. National public holidays apply on top, including China's make-up working days (调休: a Saturday or Sunday declared a working day). (001, 002)</summary>
    public static readonly RuleId Dsp1 = new("DSP-1");

    /// <summary>DSP-2: Orders paid before the 15:00 cut-off ship the same working day; later orders ship the next working day. (001, parts-distributor profile)</summary>
    public static readonly RuleId Dsp2 = new("DSP-2");

    /// <summary>DSP-3: Orders before 17:00 ship the same day; later orders ship by the courier's next pickup. (001, warehouse profile)</summary>
    public static readonly RuleId Dsp3 = new("DSP-3");

    /// <summary>DSP-4: Staff working hours are 08:30–12:00 and 14:00–18:00 on working days; minute-level SLAs (SLA-*) run only inside these hours. (002)</summary>
    public static readonly RuleId Dsp4 = new("DSP-4");

    /// <summary>DSP-5: Order processing runs in two daily batches: by 12:00 finish the orders that arrived after 15:00 the previous working day and before 12:00 today; by 15:00 finish those from 12:00–15:00. (001)</summary>
    public static readonly RuleId Dsp5 = new("DSP-5");

    /// <summary>SLA-1: Customer identified/matched: 15 minutes after the order arrives.</summary>
    public static readonly RuleId Sla1 = new("SLA-1");

    /// <summary>SLA-2: Sales order entered: 30 minutes.</summary>
    public static readonly RuleId Sla2 = new("SLA-2");

    /// <summary>SLA-3: Delivery note (交货单) generated: 1 hour after the order is received.</summary>
    public static readonly RuleId Sla3 = new("SLA-3");

    /// <summary>SLA-4: Warehouse hands the parcel (with invoice) to the carrier: 1 hour once in stock; all orders of the batch shipped by 15:00; the list of shipped orders goes to sales before end of day.</summary>
    public static readonly RuleId Sla4 = new("SLA-4");

    /// <summary>SLA-5: Logistics details of yesterday's shipments reach the platform logistics team by 09:00 the next working day.</summary>
    public static readonly RuleId Sla5 = new("SLA-5");

    /// <summary>SLA-6: After-sales requests are answered within 24 hours, at most 48 hours in special cases. (004)</summary>
    public static readonly RuleId Sla6 = new("SLA-6");

    /// <summary>SLA-7: A returned parcel received today is confirmed today, and restocked (stock-in) the same day.</summary>
    public static readonly RuleId Sla7 = new("SLA-7");

    /// <summary>SLA-8: An SLA has a start, can pause (e.g. waiting for the customer), resumes, and stops; it warns before breach and records the breach. Every deadline is computed on the working calendar (DSP-1, DSP-4).</summary>
    public static readonly RuleId Sla8 = new("SLA-8");

    /// <summary>WH-1: Remote provinces — Liaoning, Gansu, Ningxia, Tibet, Xinjiang, Yunnan, Inner Mongolia — ship from the division's central warehouse (中心仓); all others from the main warehouse (总仓). (001)</summary>
    public static readonly RuleId Wh1 = new("WH-1");

    /// <summary>WH-2: Goods are stocked in on the day they arrive, after checking quantity and quality against the delivery document; a mismatch is recorded and may be refused. (000, 001)</summary>
    public static readonly RuleId Wh2 = new("WH-2");

    /// <summary>WH-3: Stock is updated at every shipment; a full stocktake runs weekly. (001)</summary>
    public static readonly RuleId Wh3 = new("WH-3");

    /// <summary>WH-4: Low-stock alert when stock on hand &lt; last week's sales of that item; the alert goes to operations, whose approval starts procurement. (001)</summary>
    public static readonly RuleId Wh4 = new("WH-4");

    /// <summary>WH-5: Procurement above 1,000 yuan needs the chairman's sign-off. (001)</summary>
    public static readonly RuleId Wh5 = new("WH-5");

    /// <summary>WH-6: Monthly in/out/balance summary per item before month end; quarterly stocktake reconciled with finance; every surplus, shortage or damage needs a reason and a responsible person. (000)</summary>
    public static readonly RuleId Wh6 = new("WH-6");

    /// <summary>WH-7: Items are classed by sales velocity (fast movers / slow movers) to guide replenishment. (001)</summary>
    public static readonly RuleId Wh7 = new("WH-7");

    /// <summary>INV-1: Every order gets an invoice covering goods and freight.</summary>
    public static readonly RuleId Inv1 = new("INV-1");

    /// <summary>INV-2: Invoices are issued daily: today's orders before 15:00 plus yesterday's after 15:00, done by 15:00, and travel with the parcel.</summary>
    public static readonly RuleId Inv2 = new("INV-2");

    /// <summary>INV-3: On a return the customer sends the invoice back with the goods; finance must confirm the invoice is recovered (or a red-letter credit note issued) before the refund is paid.</summary>
    public static readonly RuleId Inv3 = new("INV-3");

    /// <summary>CAR-1: Each carrier has a fee table per region; fee changes are announced to customer service, operations and finance at once.</summary>
    public static readonly RuleId Car1 = new("CAR-1");

    /// <summary>CAR-2: A backup carrier takes over when the preferred one fails or refuses.</summary>
    public static readonly RuleId Car2 = new("CAR-2");

    /// <summary>CAR-3: A shipment gets a tracking number; tracking events flow back to the order (shipped, in transit, delivered/signed).</summary>
    public static readonly RuleId Car3 = new("CAR-3");

    /// <summary>RET-1: The customer asks for a return or exchange, picks a reason and uploads evidence. Reasons: not as described; wrong or missing item; damaged on arrival; quality problem; other (free text required). (001)</summary>
    public static readonly RuleId Ret1 = new("RET-1");

    /// <summary>RET-2: Windows, counted from the day after receipt: a request later than the window is not accepted. Retail profile: 7 days no-reason return, 15 days exchange, quality problem 7 days return or exchange (000). …</summary>
    public static readonly RuleId Ret2 = new("RET-2");

    /// <summary>RET-3: Service staff check eligibility against the return standard and accept or reject, with the reason recorded. (001)</summary>
    public static readonly RuleId Ret3 = new("RET-3");

    /// <summary>RET-4: Accepted: the customer ships goods and invoice back to the warehouse that dispatched them. The warehouse inspects both; if they fail the receiving conditions the parcel is refused and the case goes to a three-way …</summary>
    public static readonly RuleId Ret4 = new("RET-4");

    /// <summary>RET-5: Exchanges ship a replacement instead of refunding; quality problems may be repaired, exchanged or refunded free of charge. (000)</summary>
    public static readonly RuleId Ret5 = new("RET-5");

    /// <summary>RET-6: The customer's return freight is refunded with the goods where the merchant is at fault (not as described, wrong/missing, damaged, quality). (001)</summary>
    public static readonly RuleId Ret6 = new("RET-6");

    /// <summary>RET-7: The customer is told of each step of the return by SMS, including the return-freight refund; the case is archived at the end. (001)</summary>
    public static readonly RuleId Ret7 = new("RET-7");

    /// <summary>REF-1: A refund never exceeds what was paid for the order, summed over all refunds of that order.</summary>
    public static readonly RuleId Ref1 = new("REF-1");

    /// <summary>REF-2: Approval tiers by amount: below 5,000 yuan the sales department head approves; 5,000 yuan and above headquarters approves (总审核). Then division finance reviews, finance confirms the invoice is recovered (INV-3), and …</summary>
    public static readonly RuleId Ref2 = new("REF-2");

    /// <summary>REF-3: Approvers are named people with a role; nobody approves a refund they requested.</summary>
    public static readonly RuleId Ref3 = new("REF-3");

    /// <summary>REF-4: Funds are held in a supervised account: no misappropriation, no freezing without cause, prompt settlement and refund. (004)</summary>
    public static readonly RuleId Ref4 = new("REF-4");

    /// <summary>AFS-1: Every complaint is recorded with the customer's demand and answered within the after-sales SLA (SLA-6); what service cannot answer goes to the department head, whose decision goes back to the customer.</summary>
    public static readonly RuleId Afs1 = new("AFS-1");

    /// <summary>AFS-2: Disputes not settled by service go to mediation, then arbitration.</summary>
    public static readonly RuleId Afs2 = new("AFS-2");

    /// <summary>FIN-1: Daily: the sales ledger of the previous working day, with payment status checked, on the first working day after.</summary>
    public static readonly RuleId Fin1 = new("FIN-1");

    /// <summary>FIN-2: Monthly settlement point is the 25th, reconciled three ways (sales, division finance, HQ finance).</summary>
    public static readonly RuleId Fin2 = new("FIN-2");

    /// <summary>SEC-1: Customer data is collected only as needed, used only for its stated purpose, never disclosed without consent, and kept no longer than required. Personal data is masked in logs and exports.</summary>
    public static readonly RuleId Sec1 = new("SEC-1");

    /// <summary>SEC-2: Access is by role; access to sensitive data is audited.</summary>
    public static readonly RuleId Sec2 = new("SEC-2");

    /// <summary>SEC-3: Every state change is recorded (who, when, what, why) in an audit trail.</summary>
    public static readonly RuleId Sec3 = new("SEC-3");

    /// <summary>SEC-4: Admin accounts are few (4–5 people); credentials change when an admin leaves.</summary>
    public static readonly RuleId Sec4 = new("SEC-4");

    /// <summary>MER-1: A merchant is admitted after qualification review (business licence, tax registration) and is re-reviewed periodically.</summary>
    public static readonly RuleId Mer1 = new("MER-1");

    /// <summary>MER-2: Listings are reviewed for legality, truthfulness and completeness before display; false listings are taken down.</summary>
    public static readonly RuleId Mer2 = new("MER-2");

    /// <summary>MER-3: Merchants carry a public credit rating; violations escalate: warning, points deduction, suspension, removal.</summary>
    public static readonly RuleId Mer3 = new("MER-3");

    /// <summary>MER-4: Requests for elevated permissions are decided within 5 working days.</summary>
    public static readonly RuleId Mer4 = new("MER-4");
}
