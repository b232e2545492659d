import aiohttp
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/unfurl", methods=["POST"])
async def unfurl():
    data = request.get_json(force=True)
    link = data.get("link", "")
    async with aiohttp.ClientSession() as session:
        async with session.get(link, timeout=aiohttp.ClientTimeout(total=5)) as resp:
            body = await resp.text()
    return jsonify(link=link, status=resp.status, length=len(body))
