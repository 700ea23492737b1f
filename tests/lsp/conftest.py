import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.helpers import ROOT

SERVER = [sys.executable, "-m", "gwlint", "lsp", "--debounce=0"]
ENV = {"PYTHONPATH": str(ROOT), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV),
                    params=["visual-studio-code", "neovim"])
async def client(lsp_client: LanguageClient, request, tmp_path):
    caps = client_capabilities(request.param)
    lsp_client.client_name = request.param
    lsp_client.workspace_root = tmp_path
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=caps, root_uri=tmp_path.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="ws")]))
    yield
    await lsp_client.shutdown_session()
