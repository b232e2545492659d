DRAFT_STORE = "/var/lib/drafts/store"
