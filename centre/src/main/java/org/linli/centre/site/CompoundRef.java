package org.linli.centre.site;

/** A compound of the site file with its place in the tree: what the picture, the scope check and the topics need. */
public record CompoundRef(String id, String name, String street, String streetName, String community,
                          String communityName) {

    /** {@code linli/v1/{street}/{community}/{compound}/{leaf}}: the contract's topic for this compound. */
    public String topic(String leaf) {
        return "linli/v1/" + street + "/" + community + "/" + id + "/" + leaf;
    }
}
