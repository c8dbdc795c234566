package store

// MapLineOfBusiness maps an Autotask line of business (source: its
// OrganizationalLevel2s id) to a ledger tracking option or class (target:
// the option's or class's id; target2: its label when mapped, for messages
// after it is gone). See migration 0013.
const MapLineOfBusiness = "line_of_business"
