export namespace app {
	
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
	
	    static createFrom(source: any = {}) {
	        return new DemoStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.autotaskUrl = source["autotaskUrl"];
	        this.xeroUrl = source["xeroUrl"];
	        this.profile = this.convertValues(source["profile"], ProfileDTO);
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
	
	    static createFrom(source: any = {}) {
	        return new SettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.invoiceDraft = source["invoiceDraft"];
	    }
	}
	export class SettingsUpdateDTO {
	    theme?: string;
	    invoiceDraft?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SettingsUpdateDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.invoiceDraft = source["invoiceDraft"];
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

