// Code written from Autotask's published REST API description (Swagger,
// /ATServicesRest/swagger/docs/v1); field names and types as Autotask defines them.

package autotask

// OrganizationalLevel1 is a top-level organisational level (e.g. a region or
// business unit). Entity: OrganizationalLevel1s.
type OrganizationalLevel1 struct {
	ID          int64  `json:"id"`
	Description string `json:"description"`
	IsActive    bool   `json:"isActive"`
	Name        string `json:"name"`
}

// OrganizationalLevel2 is a second-level organisational level (e.g. a line of
// business). Entity: OrganizationalLevel2s.
type OrganizationalLevel2 struct {
	ID          int64  `json:"id"`
	Description string `json:"description"`
	IsActive    bool   `json:"isActive"`
	Name        string `json:"name"`
}

// OrganizationalLevelAssociation is a pairing of a level 1 and a level 2;
// companies, contracts and billing items point to one, which is how several
// companies are routed to different ledgers. Entity:
// OrganizationalLevelAssociations.
type OrganizationalLevelAssociation struct {
	ID                     int64  `json:"id"`
	IsActive               bool   `json:"isActive"`
	OrganizationalLevel1ID *int64 `json:"organizationalLevel1ID"`
	OrganizationalLevel2ID *int64 `json:"organizationalLevel2ID"`
}
