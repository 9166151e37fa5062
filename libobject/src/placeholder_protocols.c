/* placeholder until libobject's protocols part lands; remove from build-protocols.ninja then. */
typedef int ob_placeholder_protocols;
