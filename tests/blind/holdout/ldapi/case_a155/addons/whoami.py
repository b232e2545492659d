import ldap
from flask import jsonify, request

FILTER_TEMPLATE = "(&(objectClass=inetOrgPerson)(uid={user}))"


def init(app):
    @app.route("/whoami")
    def whoami():
        user = request.headers.get("X-Remote-User", "")
        conn = ldap.initialize(app.config["LDAP_URI"])
        conn.simple_bind_s()
        res = conn.search_s(app.config["LDAP_PEOPLE"], ldap.SCOPE_ONELEVEL,
                            FILTER_TEMPLATE.format(user=user), ["cn", "mail", "memberOf"])
        conn.unbind_s()
        if not res:
            return jsonify(error="unknown user"), 404
        dn, attrs = res[0]
        return jsonify(dn=dn, groups=[g.decode() for g in attrs.get("memberOf", [])])
