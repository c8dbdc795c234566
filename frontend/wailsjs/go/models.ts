export namespace app {
	
	export class AccountLineDTO {
	    action: string;
	    status: string;
	    companyId: number;
	    accountId: string;
	    name: string;
	    message: string;
	    fix: string;
	
	    static createFrom(source: any = {}) {
	        return new AccountLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.status = source["status"];
	        this.companyId = source["companyId"];
	        this.accountId = source["accountId"];
	        this.name = source["name"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}
	export class AccountSettingsDTO {
	    profileId: number;
	    direction: string;
	    ownerResourceId: number;
	
	    static createFrom(source: any = {}) {
	        return new AccountSettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.direction = source["direction"];
	        this.ownerResourceId = source["ownerResourceId"];
	    }
	}
	export class AccountsResultDTO {
	    runId: number;
	    direction: string;
	    done: number;
	    failed: number;
	    problems: number;
	    conflicts: number;
	    calls: number;
	    lines: AccountLineDTO[];
	
	    static createFrom(source: any = {}) {
	        return new AccountsResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.direction = source["direction"];
	        this.done = source["done"];
	        this.failed = source["failed"];
	        this.problems = source["problems"];
	        this.conflicts = source["conflicts"];
	        this.calls = source["calls"];
	        this.lines = this.convertValues(source["lines"], AccountLineDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AddOrganisationInput {
	    profileId: number;
	    tenantId: string;
	    name: string;
	    copyMappings: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AddOrganisationInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.tenantId = source["tenantId"];
	        this.name = source["name"];
	        this.copyMappings = source["copyMappings"];
	    }
	}
	export class AuditEntryDTO {
	    id: number;
	    at: string;
	    profileName: string;
	    actor: string;
	    action: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.profileName = source["profileName"];
	        this.actor = source["actor"];
	        this.action = source["action"];
	        this.detail = source["detail"];
	    }
	}
	export class AutotaskCredentialsInput {
	    profileId: number;
	    username: string;
	    secret: string;
	    integrationCode: string;
	
	    static createFrom(source: any = {}) {
	        return new AutotaskCredentialsInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.username = source["username"];
	        this.secret = source["secret"];
	        this.integrationCode = source["integrationCode"];
	    }
	}
	export class AutotaskTestDTO {
	    zoneName: string;
	    companies: number;
	    invoices: number;
	    billingItems: number;
	    requestsUsed: number;
	    requestsLimit: number;
	    timeframeHours: number;
	
	    static createFrom(source: any = {}) {
	        return new AutotaskTestDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.zoneName = source["zoneName"];
	        this.companies = source["companies"];
	        this.invoices = source["invoices"];
	        this.billingItems = source["billingItems"];
	        this.requestsUsed = source["requestsUsed"];
	        this.requestsLimit = source["requestsLimit"];
	        this.timeframeHours = source["timeframeHours"];
	    }
	}
	export class CandidateDTO {
	    tenantId: string;
	    tenantName: string;
	
	    static createFrom(source: any = {}) {
	        return new CandidateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tenantId = source["tenantId"];
	        this.tenantName = source["tenantName"];
	    }
	}
	export class ChartBarDTO {
	    key: string;
	    label: string;
	    billed: string;
	    synced: string;
	    paid: string;
	    invoices: number;
	
	    static createFrom(source: any = {}) {
	        return new ChartBarDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.billed = source["billed"];
	        this.synced = source["synced"];
	        this.paid = source["paid"];
	        this.invoices = source["invoices"];
	    }
	}
	export class ChartDTO {
	    currency: string;
	    currencies: string[];
	    invoices: number;
	    leftOut: number;
	    months: ChartBarDTO[];
	    customers: ChartBarDTO[];
	    others: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ChartDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.currencies = source["currencies"];
	        this.invoices = source["invoices"];
	        this.leftOut = source["leftOut"];
	        this.months = this.convertValues(source["months"], ChartBarDTO);
	        this.customers = this.convertValues(source["customers"], ChartBarDTO);
	        this.others = source["others"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChoiceDTO {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new ChoiceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class CompareRowDTO {
	    codeId: number;
	    codeName: string;
	    externalNumber: string;
	    autotaskPrice: string;
	    itemCode: string;
	    itemName: string;
	    ledgerPrice: string;
	    status: string;
	    matchedBy: string;
	    why: string;
	
	    static createFrom(source: any = {}) {
	        return new CompareRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.codeId = source["codeId"];
	        this.codeName = source["codeName"];
	        this.externalNumber = source["externalNumber"];
	        this.autotaskPrice = source["autotaskPrice"];
	        this.itemCode = source["itemCode"];
	        this.itemName = source["itemName"];
	        this.ledgerPrice = source["ledgerPrice"];
	        this.status = source["status"];
	        this.matchedBy = source["matchedBy"];
	        this.why = source["why"];
	    }
	}
	export class CreateProfileInput {
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateProfileInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	    }
	}
	export class CurrencyTotalDTO {
	    currency: string;
	    rows: number;
	    extendedPrice: string;
	    totalTax: string;
	    billedAmount: string;
	
	    static createFrom(source: any = {}) {
	        return new CurrencyTotalDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.rows = source["rows"];
	        this.extendedPrice = source["extendedPrice"];
	        this.totalTax = source["totalTax"];
	        this.billedAmount = source["billedAmount"];
	    }
	}
	export class DefaultInput {
	    profileId: number;
	    organisation: string;
	    blockUnrouted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DefaultInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.organisation = source["organisation"];
	        this.blockUnrouted = source["blockUnrouted"];
	    }
	}
	export class ProfileDTO {
	    id: number;
	    name: string;
	    autotaskUsername: string;
	    autotaskConnected: boolean;
	    keychainProblem: string;
	    ledgerKind: string;
	    ledgerTenantName: string;
	    isDemo: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ProfileDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.autotaskUsername = source["autotaskUsername"];
	        this.autotaskConnected = source["autotaskConnected"];
	        this.keychainProblem = source["keychainProblem"];
	        this.ledgerKind = source["ledgerKind"];
	        this.ledgerTenantName = source["ledgerTenantName"];
	        this.isDemo = source["isDemo"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class DemoStatus {
	    running: boolean;
	    autotaskUrl: string;
	    xeroUrl: string;
	    profile: ProfileDTO;
	    exactAutotaskUrl: string;
	    exactUrl: string;
	    exactProfile: ProfileDTO;
	
	    static createFrom(source: any = {}) {
	        return new DemoStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.autotaskUrl = source["autotaskUrl"];
	        this.xeroUrl = source["xeroUrl"];
	        this.profile = this.convertValues(source["profile"], ProfileDTO);
	        this.exactAutotaskUrl = source["exactAutotaskUrl"];
	        this.exactUrl = source["exactUrl"];
	        this.exactProfile = this.convertValues(source["exactProfile"], ProfileDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DocLineDTO {
	    itemCode: string;
	    description: string;
	    quantity: string;
	    unitPrice: string;
	    amount: string;
	    account: string;
	    taxCode: string;
	    taxAmount: string;
	    adjustment: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DocLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemCode = source["itemCode"];
	        this.description = source["description"];
	        this.quantity = source["quantity"];
	        this.unitPrice = source["unitPrice"];
	        this.amount = source["amount"];
	        this.account = source["account"];
	        this.taxCode = source["taxCode"];
	        this.taxAmount = source["taxAmount"];
	        this.adjustment = source["adjustment"];
	    }
	}
	export class TermConditionDTO {
	    termId: number;
	    condition: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new TermConditionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.termId = source["termId"];
	        this.condition = source["condition"];
	        this.label = source["label"];
	    }
	}
	export class ExactChoicesDTO {
	    journals: ChoiceDTO[];
	    journal: string;
	    defaultJournal: string;
	    roundingAccount: string;
	    paymentConditions: ChoiceDTO[];
	    termConditions: TermConditionDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ExactChoicesDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.journals = this.convertValues(source["journals"], ChoiceDTO);
	        this.journal = source["journal"];
	        this.defaultJournal = source["defaultJournal"];
	        this.roundingAccount = source["roundingAccount"];
	        this.paymentConditions = this.convertValues(source["paymentConditions"], ChoiceDTO);
	        this.termConditions = this.convertValues(source["termConditions"], TermConditionDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExactDivisionDTO {
	    code: number;
	    description: string;
	    country: string;
	    currency: string;
	    current: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExactDivisionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.description = source["description"];
	        this.country = source["country"];
	        this.currency = source["currency"];
	        this.current = source["current"];
	    }
	}
	export class ExactOptionsInput {
	    profileId: number;
	    salesJournal: string;
	    roundingAccount: string;
	
	    static createFrom(source: any = {}) {
	        return new ExactOptionsInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.salesJournal = source["salesJournal"];
	        this.roundingAccount = source["roundingAccount"];
	    }
	}
	export class ExpenseCategoryDTO {
	    profileId: number;
	    value: number;
	    label: string;
	    account: string;
	    accountName: string;
	    taxCode: string;
	
	    static createFrom(source: any = {}) {
	        return new ExpenseCategoryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.value = source["value"];
	        this.label = source["label"];
	        this.account = source["account"];
	        this.accountName = source["accountName"];
	        this.taxCode = source["taxCode"];
	    }
	}
	export class LedgerProblemDTO {
	    invoice: string;
	    code: string;
	    message: string;
	    fix: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.invoice = source["invoice"];
	        this.code = source["code"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}
	export class LedgerCurrencyDTO {
	    currency: string;
	    invoices: number;
	    credits: number;
	    net: string;
	    tax: string;
	    gross: string;
	    autotaskGross: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerCurrencyDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.invoices = source["invoices"];
	        this.credits = source["credits"];
	        this.net = source["net"];
	        this.tax = source["tax"];
	        this.gross = source["gross"];
	        this.autotaskGross = source["autotaskGross"];
	    }
	}
	export class LedgerTotalsDTO {
	    documents: number;
	    rows: number;
	    byCurrency: LedgerCurrencyDTO[];
	    differences: string[];
	    differenceCount: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerTotalsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documents = source["documents"];
	        this.rows = source["rows"];
	        this.byCurrency = this.convertValues(source["byCurrency"], LedgerCurrencyDTO);
	        this.differences = source["differences"];
	        this.differenceCount = source["differenceCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportTotalsDTO {
	    rows: number;
	    byCurrency: CurrencyTotalDTO[];
	    internal: CurrencyTotalDTO;
	
	    static createFrom(source: any = {}) {
	        return new ExportTotalsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.byCurrency = this.convertValues(source["byCurrency"], CurrencyTotalDTO);
	        this.internal = this.convertValues(source["internal"], CurrencyTotalDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportBatchDTO {
	    id: number;
	    profileId: number;
	    actor: string;
	    createdAt: string;
	    format: string;
	    filters: string;
	    rowCount: number;
	    totals: ExportTotalsDTO;
	    filePath: string;
	    sha256: string;
	    ledger?: LedgerTotalsDTO;
	    notes: string[];
	    extraFiles: string[];
	    leftOut: LedgerProblemDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ExportBatchDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.profileId = source["profileId"];
	        this.actor = source["actor"];
	        this.createdAt = source["createdAt"];
	        this.format = source["format"];
	        this.filters = source["filters"];
	        this.rowCount = source["rowCount"];
	        this.totals = this.convertValues(source["totals"], ExportTotalsDTO);
	        this.filePath = source["filePath"];
	        this.sha256 = source["sha256"];
	        this.ledger = this.convertValues(source["ledger"], LedgerTotalsDTO);
	        this.notes = source["notes"];
	        this.extraFiles = source["extraFiles"];
	        this.leftOut = this.convertValues(source["leftOut"], LedgerProblemDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportDefaultsDTO {
	    from: string;
	    to: string;
	    folder: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportDefaultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.folder = source["folder"];
	    }
	}
	export class ExportFilterInput {
	    profileId: number;
	    format: string;
	    from: string;
	    to: string;
	    by: string;
	    onlyInvoiced: boolean;
	    linesOfBusiness: number[];
	    companies: number[];
	    billingCodeTypes: number[];
	    includeExported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportFilterInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.format = source["format"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.by = source["by"];
	        this.onlyInvoiced = source["onlyInvoiced"];
	        this.linesOfBusiness = source["linesOfBusiness"];
	        this.companies = source["companies"];
	        this.billingCodeTypes = source["billingCodeTypes"];
	        this.includeExported = source["includeExported"];
	    }
	}
	export class ExportInput {
	    filter: ExportFilterInput;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], ExportFilterInput);
	        this.path = source["path"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LedgerPreviewDTO {
	    columns: string[];
	    rows: string[][];
	    rowCount: number;
	    problems: LedgerProblemDTO[];
	    notes: string[];
	    totals: LedgerTotalsDTO;
	    mappingsFrom: string;
	    leftOutInvoices: number;
	    leftOutItems: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerPreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	        this.rowCount = source["rowCount"];
	        this.problems = this.convertValues(source["problems"], LedgerProblemDTO);
	        this.notes = source["notes"];
	        this.totals = this.convertValues(source["totals"], LedgerTotalsDTO);
	        this.mappingsFrom = source["mappingsFrom"];
	        this.leftOutInvoices = source["leftOutInvoices"];
	        this.leftOutItems = source["leftOutItems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportPreviewDTO {
	    columns: string[];
	    rows: string[][];
	    rowCount: number;
	    skipped: number;
	    totals: ExportTotalsDTO;
	    ledger?: LedgerPreviewDTO;
	
	    static createFrom(source: any = {}) {
	        return new ExportPreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	        this.rowCount = source["rowCount"];
	        this.skipped = source["skipped"];
	        this.totals = this.convertValues(source["totals"], ExportTotalsDTO);
	        this.ledger = this.convertValues(source["ledger"], LedgerPreviewDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FormatDTO {
	    value: string;
	    label: string;
	    description: string;
	    ledger: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FormatDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	        this.description = source["description"];
	        this.ledger = source["ledger"];
	    }
	}
	export class InventorySettingsDTO {
	    profileId: number;
	    inventoryAccount: string;
	    costOfSalesAccount: string;
	    adjustmentAccount: string;
	
	    static createFrom(source: any = {}) {
	        return new InventorySettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.inventoryAccount = source["inventoryAccount"];
	        this.costOfSalesAccount = source["costOfSalesAccount"];
	        this.adjustmentAccount = source["adjustmentAccount"];
	    }
	}
	export class LedgerAccountDTO {
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerAccountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class LedgerAppInput {
	    profileId: number;
	    ledger: string;
	    clientId: string;
	    clientSecret: string;
	    sandbox: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LedgerAppInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.ledger = source["ledger"];
	        this.clientId = source["clientId"];
	        this.clientSecret = source["clientSecret"];
	        this.sandbox = source["sandbox"];
	    }
	}
	
	
	
	
	export class LevelDTO {
	    id: number;
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LevelDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}
	export class LevelsDTO {
	    associations: LevelDTO[];
	    locations: LevelDTO[];
	    linesOfBusiness: LevelDTO[];
	
	    static createFrom(source: any = {}) {
	        return new LevelsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.associations = this.convertValues(source["associations"], LevelDTO);
	        this.locations = this.convertValues(source["locations"], LevelDTO);
	        this.linesOfBusiness = this.convertValues(source["linesOfBusiness"], LevelDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ListExportInput {
	    name: string;
	    columns: string[];
	    rows: string[][];
	    format: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ListExportInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	        this.format = source["format"];
	        this.path = source["path"];
	    }
	}
	export class MappingInput {
	    profileId: number;
	    kind: string;
	    sourceKey: string;
	    target: string;
	    target2: string;
	    for: string;
	
	    static createFrom(source: any = {}) {
	        return new MappingInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.kind = source["kind"];
	        this.sourceKey = source["sourceKey"];
	        this.target = source["target"];
	        this.target2 = source["target2"];
	        this.for = source["for"];
	    }
	}
	export class MappingTargetDTO {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new MappingTargetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class MappingsDTO {
	    profileId: number;
	    ledgerKind: string;
	    codes: mapping.CodeRow[];
	    tax: mapping.TaxRow[];
	    customers: mapping.CustomerRow[];
	    terms: mapping.TermRow[];
	    coverage: mapping.Coverage[];
	    items: ChoiceDTO[];
	    accounts: ChoiceDTO[];
	    taxCodes: ChoiceDTO[];
	    ledgerCustomers: ChoiceDTO[];
	    for: string;
	    freeText: boolean;
	    help: string;
	    exact: ExactChoicesDTO;
	    linesOfBusiness: mapping.LineOfBusinessRow[];
	    trackingOptions: ChoiceDTO[];
	
	    static createFrom(source: any = {}) {
	        return new MappingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.ledgerKind = source["ledgerKind"];
	        this.codes = this.convertValues(source["codes"], mapping.CodeRow);
	        this.tax = this.convertValues(source["tax"], mapping.TaxRow);
	        this.customers = this.convertValues(source["customers"], mapping.CustomerRow);
	        this.terms = this.convertValues(source["terms"], mapping.TermRow);
	        this.coverage = this.convertValues(source["coverage"], mapping.Coverage);
	        this.items = this.convertValues(source["items"], ChoiceDTO);
	        this.accounts = this.convertValues(source["accounts"], ChoiceDTO);
	        this.taxCodes = this.convertValues(source["taxCodes"], ChoiceDTO);
	        this.ledgerCustomers = this.convertValues(source["ledgerCustomers"], ChoiceDTO);
	        this.for = source["for"];
	        this.freeText = source["freeText"];
	        this.help = source["help"];
	        this.exact = this.convertValues(source["exact"], ExactChoicesDTO);
	        this.linesOfBusiness = this.convertValues(source["linesOfBusiness"], mapping.LineOfBusinessRow);
	        this.trackingOptions = this.convertValues(source["trackingOptions"], ChoiceDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrganisationDTO {
	    key: string;
	    name: string;
	    ledgerKind: string;
	    ledgerTenantId: string;
	    ledgerTenantName: string;
	    own: boolean;
	    isDefault: boolean;
	    routes: number;
	
	    static createFrom(source: any = {}) {
	        return new OrganisationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.ledgerKind = source["ledgerKind"];
	        this.ledgerTenantId = source["ledgerTenantId"];
	        this.ledgerTenantName = source["ledgerTenantName"];
	        this.own = source["own"];
	        this.isDefault = source["isDefault"];
	        this.routes = source["routes"];
	    }
	}
	export class RouteDTO {
	    kind: string;
	    sourceId: number;
	    organisation: string;
	
	    static createFrom(source: any = {}) {
	        return new RouteDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.sourceId = source["sourceId"];
	        this.organisation = source["organisation"];
	    }
	}
	export class OrganisationsDTO {
	    profileId: number;
	    ledgerKind: string;
	    organisations: OrganisationDTO[];
	    routes: RouteDTO[];
	    default: string;
	    blockUnrouted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OrganisationsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.ledgerKind = source["ledgerKind"];
	        this.organisations = this.convertValues(source["organisations"], OrganisationDTO);
	        this.routes = this.convertValues(source["routes"], RouteDTO);
	        this.default = source["default"];
	        this.blockUnrouted = source["blockUnrouted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProblemDTO {
	    code: string;
	    message: string;
	    fix: string;
	
	    static createFrom(source: any = {}) {
	        return new ProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}
	export class PreviewInvoiceDTO {
	    invoiceId: number;
	    invoiceNumber: string;
	    companyName: string;
	    status: string;
	    kind: string;
	    date: string;
	    dueDate: string;
	    currency: string;
	    ledgerNumber: string;
	    customerName: string;
	    newCustomer: boolean;
	    docStatus: string;
	    subtotal: string;
	    tax: string;
	    total: string;
	    lines: DocLineDTO[];
	    problems: ProblemDTO[];
	    notes: string[];
	    organisation: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewInvoiceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.invoiceId = source["invoiceId"];
	        this.invoiceNumber = source["invoiceNumber"];
	        this.companyName = source["companyName"];
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.ledgerNumber = source["ledgerNumber"];
	        this.customerName = source["customerName"];
	        this.newCustomer = source["newCustomer"];
	        this.docStatus = source["docStatus"];
	        this.subtotal = source["subtotal"];
	        this.tax = source["tax"];
	        this.total = source["total"];
	        this.lines = this.convertValues(source["lines"], DocLineDTO);
	        this.problems = this.convertValues(source["problems"], ProblemDTO);
	        this.notes = source["notes"];
	        this.organisation = source["organisation"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PreviewDTO {
	    runId: number;
	    invoices: PreviewInvoiceDTO[];
	    ready: number;
	    blocked: number;
	    skipped: number;
	    voids: number;
	    writeBacks: number;
	    alreadySent: number;
	    newItems: number;
	
	    static createFrom(source: any = {}) {
	        return new PreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.invoices = this.convertValues(source["invoices"], PreviewInvoiceDTO);
	        this.ready = source["ready"];
	        this.blocked = source["blocked"];
	        this.skipped = source["skipped"];
	        this.voids = source["voids"];
	        this.writeBacks = source["writeBacks"];
	        this.alreadySent = source["alreadySent"];
	        this.newItems = source["newItems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class PurchaseLineDTO {
	    itemCode: string;
	    description: string;
	    quantity: string;
	    unitCost: string;
	    amount: string;
	    account: string;
	    taxCode: string;
	    stocked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemCode = source["itemCode"];
	        this.description = source["description"];
	        this.quantity = source["quantity"];
	        this.unitCost = source["unitCost"];
	        this.amount = source["amount"];
	        this.account = source["account"];
	        this.taxCode = source["taxCode"];
	        this.stocked = source["stocked"];
	    }
	}
	export class PurchaseBillDTO {
	    reference: string;
	    status: string;
	    vendor: string;
	    newVendor: boolean;
	    purchaseOrder: string;
	    number: string;
	    date: string;
	    dueDate: string;
	    currency: string;
	    amount: string;
	    ledgerId: string;
	    message: string;
	    problems: ProblemDTO[];
	    notes: string[];
	    lines: PurchaseLineDTO[];
	
	    static createFrom(source: any = {}) {
	        return new PurchaseBillDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reference = source["reference"];
	        this.status = source["status"];
	        this.vendor = source["vendor"];
	        this.newVendor = source["newVendor"];
	        this.purchaseOrder = source["purchaseOrder"];
	        this.number = source["number"];
	        this.date = source["date"];
	        this.dueDate = source["dueDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.ledgerId = source["ledgerId"];
	        this.message = source["message"];
	        this.problems = this.convertValues(source["problems"], ProblemDTO);
	        this.notes = source["notes"];
	        this.lines = this.convertValues(source["lines"], PurchaseLineDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PurchaseDefaultsDTO {
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseDefaultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class PurchaseInput {
	    profileId: number;
	    from: string;
	    to: string;
	    billDate: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.billDate = source["billDate"];
	    }
	}
	export class PurchaseKindInput {
	    profileId: number;
	    kind: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseKindInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	
	export class PurchaseTotalDTO {
	    currency: string;
	    bills: number;
	    ready: string;
	    blocked: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseTotalDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.bills = source["bills"];
	        this.ready = source["ready"];
	        this.blocked = source["blocked"];
	    }
	}
	export class PurchasePreviewDTO {
	    bills: PurchaseBillDTO[];
	    ready: number;
	    blocked: number;
	    alreadySent: number;
	    newVendors: number;
	    totals: PurchaseTotalDTO[];
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchasePreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bills = this.convertValues(source["bills"], PurchaseBillDTO);
	        this.ready = source["ready"];
	        this.blocked = source["blocked"];
	        this.alreadySent = source["alreadySent"];
	        this.newVendors = source["newVendors"];
	        this.totals = this.convertValues(source["totals"], PurchaseTotalDTO);
	        this.summary = source["summary"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PurchaseResultDTO {
	    runId: number;
	    sent: number;
	    failed: number;
	    blocked: number;
	    skipped: number;
	    created: number;
	    resolved: number;
	    calls: number;
	    summary: string;
	    bills: PurchaseBillDTO[];
	    totals: PurchaseTotalDTO[];
	
	    static createFrom(source: any = {}) {
	        return new PurchaseResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	        this.blocked = source["blocked"];
	        this.skipped = source["skipped"];
	        this.created = source["created"];
	        this.resolved = source["resolved"];
	        this.calls = source["calls"];
	        this.summary = source["summary"];
	        this.bills = this.convertValues(source["bills"], PurchaseBillDTO);
	        this.totals = this.convertValues(source["totals"], PurchaseTotalDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PurchaseRunLineDTO {
	    reference: string;
	    status: string;
	    vendor: string;
	    purchaseOrder: string;
	    billNumber: string;
	    billDate: string;
	    currency: string;
	    amount: string;
	    ledgerId: string;
	    message: string;
	    fix: string;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseRunLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reference = source["reference"];
	        this.status = source["status"];
	        this.vendor = source["vendor"];
	        this.purchaseOrder = source["purchaseOrder"];
	        this.billNumber = source["billNumber"];
	        this.billDate = source["billDate"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.ledgerId = source["ledgerId"];
	        this.message = source["message"];
	        this.fix = source["fix"];
	    }
	}
	export class PurchaseSettingsDTO {
	    profileId: number;
	    billDate: string;
	    inventoryAccount: string;
	    costOfSalesAccount: string;
	    taxCode: string;
	    createVendors: boolean;
	    approve: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PurchaseSettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.billDate = source["billDate"];
	        this.inventoryAccount = source["inventoryAccount"];
	        this.costOfSalesAccount = source["costOfSalesAccount"];
	        this.taxCode = source["taxCode"];
	        this.createVendors = source["createVendors"];
	        this.approve = source["approve"];
	    }
	}
	
	export class ResultLineDTO {
	    invoiceId: number;
	    invoiceNumber: string;
	    companyName: string;
	    status: string;
	    ledgerNumber: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ResultLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.invoiceId = source["invoiceId"];
	        this.invoiceNumber = source["invoiceNumber"];
	        this.companyName = source["companyName"];
	        this.status = source["status"];
	        this.ledgerNumber = source["ledgerNumber"];
	        this.message = source["message"];
	    }
	}
	export class RetryResultDTO {
	    runId: number;
	    invoiceId: number;
	    invoiceNumber: string;
	    outcome: string;
	    ledgerNumber: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RetryResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.invoiceId = source["invoiceId"];
	        this.invoiceNumber = source["invoiceNumber"];
	        this.outcome = source["outcome"];
	        this.ledgerNumber = source["ledgerNumber"];
	        this.message = source["message"];
	    }
	}
	
	export class RuleInput {
	    profileId: number;
	    kind: string;
	    sourceId: number;
	    organisation: string;
	
	    static createFrom(source: any = {}) {
	        return new RuleInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.kind = source["kind"];
	        this.sourceId = source["sourceId"];
	        this.organisation = source["organisation"];
	    }
	}
	export class RunDTO {
	    id: number;
	    profileId: number;
	    profileName: string;
	    kind: string;
	    status: string;
	    startedAt: string;
	    finishedAt: string;
	    thru: string;
	    maxAgeDays: number;
	    sent: number;
	    failed: number;
	    blocked: number;
	    skipped: number;
	    writtenBack: number;
	    paid: number;
	    summary: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new RunDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.profileId = source["profileId"];
	        this.profileName = source["profileName"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	        this.thru = source["thru"];
	        this.maxAgeDays = source["maxAgeDays"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	        this.blocked = source["blocked"];
	        this.skipped = source["skipped"];
	        this.writtenBack = source["writtenBack"];
	        this.paid = source["paid"];
	        this.summary = source["summary"];
	        this.error = source["error"];
	    }
	}
	export class RunLineDTO {
	    invoiceId: number;
	    invoiceNumber: string;
	    status: string;
	    ledgerId: string;
	    ledgerNumber: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RunLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.invoiceId = source["invoiceId"];
	        this.invoiceNumber = source["invoiceNumber"];
	        this.status = source["status"];
	        this.ledgerId = source["ledgerId"];
	        this.ledgerNumber = source["ledgerNumber"];
	        this.message = source["message"];
	    }
	}
	export class RunListInput {
	    profileId: number;
	    includePreviews: boolean;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new RunListInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.includePreviews = source["includePreviews"];
	        this.limit = source["limit"];
	    }
	}
	export class SavedFileDTO {
	    path: string;
	    format: string;
	    rows: number;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedFileDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.format = source["format"];
	        this.rows = source["rows"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class ScheduleDTO {
	    enabled: boolean;
	    intervalMinutes: number;
	    nextRun: string;
	    lastRun: string;
	    lastError: string;
	    running: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScheduleDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.intervalMinutes = source["intervalMinutes"];
	        this.nextRun = source["nextRun"];
	        this.lastRun = source["lastRun"];
	        this.lastError = source["lastError"];
	        this.running = source["running"];
	    }
	}
	export class SyncInput {
	    profileId: number;
	    thru: string;
	    maxAgeDays: number;
	    ledgerNumbering: boolean;
	    lineMode: string;
	
	    static createFrom(source: any = {}) {
	        return new SyncInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.thru = source["thru"];
	        this.maxAgeDays = source["maxAgeDays"];
	        this.ledgerNumbering = source["ledgerNumbering"];
	        this.lineMode = source["lineMode"];
	    }
	}
	export class SendInput {
	    options: SyncInput;
	    invoiceIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new SendInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.options = this.convertValues(source["options"], SyncInput);
	        this.invoiceIds = source["invoiceIds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SettingsDTO {
	    theme: string;
	    invoiceDraft: boolean;
	    autoSync: boolean;
	    syncIntervalMinutes: number;
	    maxAgeDays: number;
	    lineMode: string;
	    adjustmentCap: string;
	    ledgerNumbering: boolean;
	    salesTaxAccount: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.invoiceDraft = source["invoiceDraft"];
	        this.autoSync = source["autoSync"];
	        this.syncIntervalMinutes = source["syncIntervalMinutes"];
	        this.maxAgeDays = source["maxAgeDays"];
	        this.lineMode = source["lineMode"];
	        this.adjustmentCap = source["adjustmentCap"];
	        this.ledgerNumbering = source["ledgerNumbering"];
	        this.salesTaxAccount = source["salesTaxAccount"];
	    }
	}
	export class SettingsUpdateDTO {
	    theme?: string;
	    invoiceDraft?: boolean;
	    maxAgeDays?: number;
	    lineMode?: string;
	    adjustmentCap?: string;
	    ledgerNumbering?: boolean;
	    salesTaxAccount?: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsUpdateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.invoiceDraft = source["invoiceDraft"];
	        this.maxAgeDays = source["maxAgeDays"];
	        this.lineMode = source["lineMode"];
	        this.adjustmentCap = source["adjustmentCap"];
	        this.ledgerNumbering = source["ledgerNumbering"];
	        this.salesTaxAccount = source["salesTaxAccount"];
	    }
	}
	export class SyncDefaultsDTO {
	    thru: string;
	    maxAgeDays: number;
	    lineMode: string;
	    draft: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SyncDefaultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.thru = source["thru"];
	        this.maxAgeDays = source["maxAgeDays"];
	        this.lineMode = source["lineMode"];
	        this.draft = source["draft"];
	    }
	}
	
	export class SyncResultDTO {
	    runId: number;
	    sent: number;
	    failed: number;
	    blocked: number;
	    skipped: number;
	    voided: number;
	    writtenBack: number;
	    paid: number;
	    resolved: number;
	    summary: string;
	    lines: ResultLineDTO[];
	
	    static createFrom(source: any = {}) {
	        return new SyncResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	        this.blocked = source["blocked"];
	        this.skipped = source["skipped"];
	        this.voided = source["voided"];
	        this.writtenBack = source["writtenBack"];
	        this.paid = source["paid"];
	        this.resolved = source["resolved"];
	        this.summary = source["summary"];
	        this.lines = this.convertValues(source["lines"], ResultLineDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SystemInfo {
	    version: string;
	    os: string;
	    dataDir: string;
	    databasePath: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.os = source["os"];
	        this.dataDir = source["dataDir"];
	        this.databasePath = source["databasePath"];
	    }
	}
	
	export class ValuationLineDTO {
	    sku: string;
	    name: string;
	    onHand: number;
	    unitCost: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new ValuationLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.name = source["name"];
	        this.onHand = source["onHand"];
	        this.unitCost = source["unitCost"];
	        this.value = source["value"];
	    }
	}
	export class ValuationLocationDTO {
	    name: string;
	    items: number;
	    onHand: number;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new ValuationLocationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.items = source["items"];
	        this.onHand = source["onHand"];
	        this.value = source["value"];
	    }
	}
	export class ValuationDTO {
	    date: string;
	    currency: string;
	    account: string;
	    autotaskTotal: string;
	    ledgerBalance: string;
	    difference: string;
	    locations: ValuationLocationDTO[];
	    lines: ValuationLineDTO[];
	    noCost: string[];
	    explanations: string[];
	
	    static createFrom(source: any = {}) {
	        return new ValuationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.currency = source["currency"];
	        this.account = source["account"];
	        this.autotaskTotal = source["autotaskTotal"];
	        this.ledgerBalance = source["ledgerBalance"];
	        this.difference = source["difference"];
	        this.locations = this.convertValues(source["locations"], ValuationLocationDTO);
	        this.lines = this.convertValues(source["lines"], ValuationLineDTO);
	        this.noCost = source["noCost"];
	        this.explanations = source["explanations"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class XeroAppInput {
	    profileId: number;
	    clientId: string;
	    clientSecret: string;
	
	    static createFrom(source: any = {}) {
	        return new XeroAppInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.clientId = source["clientId"];
	        this.clientSecret = source["clientSecret"];
	    }
	}
	export class XeroOrgDTO {
	    tenantId: string;
	    tenantName: string;
	
	    static createFrom(source: any = {}) {
	        return new XeroOrgDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tenantId = source["tenantId"];
	        this.tenantName = source["tenantName"];
	    }
	}

}

export namespace mapping {
	
	export class CodeRow {
	    id: number;
	    name: string;
	    externalNumber: string;
	    active: boolean;
	    state: string;
	    itemCode: string;
	    account: string;
	    suggestedItem: string;
	    suggestedAccount: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new CodeRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.externalNumber = source["externalNumber"];
	        this.active = source["active"];
	        this.state = source["state"];
	        this.itemCode = source["itemCode"];
	        this.account = source["account"];
	        this.suggestedItem = source["suggestedItem"];
	        this.suggestedAccount = source["suggestedAccount"];
	        this.note = source["note"];
	    }
	}
	export class Coverage {
	    kind: string;
	    mapped: number;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Coverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.mapped = source["mapped"];
	        this.total = source["total"];
	    }
	}
	export class CustomerRow {
	    companyId: number;
	    companyName: string;
	    companyNumber: string;
	    state: string;
	    customerId: string;
	    customerName: string;
	    linkedBy: string;
	    suggestedCustomerId: string;
	    suggestedCustomerName: string;
	    note: string;
	    lineMode: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.companyId = source["companyId"];
	        this.companyName = source["companyName"];
	        this.companyNumber = source["companyNumber"];
	        this.state = source["state"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.linkedBy = source["linkedBy"];
	        this.suggestedCustomerId = source["suggestedCustomerId"];
	        this.suggestedCustomerName = source["suggestedCustomerName"];
	        this.note = source["note"];
	        this.lineMode = source["lineMode"];
	    }
	}
	export class LineOfBusinessRow {
	    id: number;
	    name: string;
	    active: boolean;
	    state: string;
	    optionId: string;
	    option: string;
	    suggestedOptionId: string;
	    suggestedOption: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new LineOfBusinessRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.active = source["active"];
	        this.state = source["state"];
	        this.optionId = source["optionId"];
	        this.option = source["option"];
	        this.suggestedOptionId = source["suggestedOptionId"];
	        this.suggestedOption = source["suggestedOption"];
	        this.note = source["note"];
	    }
	}
	export class TaxRow {
	    key: string;
	    region: string;
	    category: string;
	    rate: string;
	    state: string;
	    taxCode: string;
	    suggestedTaxCode: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new TaxRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.region = source["region"];
	        this.category = source["category"];
	        this.rate = source["rate"];
	        this.state = source["state"];
	        this.taxCode = source["taxCode"];
	        this.suggestedTaxCode = source["suggestedTaxCode"];
	        this.note = source["note"];
	    }
	}
	export class TermRow {
	    id: number;
	    name: string;
	    autotaskDays: number;
	    days: number;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new TermRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.autotaskDays = source["autotaskDays"];
	        this.days = source["days"];
	        this.state = source["state"];
	    }
	}

}

