module Contracts.Types
