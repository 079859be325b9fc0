from __future__ import annotations

import pytest

from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer

from .driver import Chat


@pytest.fixture
def chat(bot_server: BotServer, connector: StandInConnector) -> Chat:
    return Chat(bot_server, connector)
