/* placeholder until libobject's classes part lands; remove from build-classes.ninja then. */
typedef int ob_placeholder_classes;
