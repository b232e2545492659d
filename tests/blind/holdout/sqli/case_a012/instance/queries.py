DB_FILE = "teams.db"
TEAMS_SQL = "SELECT id, name FROM teams ORDER BY name"
MEMBERS_SQL = (
    "SELECT u.id, u.name FROM users u JOIN team_members m ON m.user_id = u.id "
    "WHERE m.team_id = {team} ORDER BY u.name LIMIT {limit}"
)
