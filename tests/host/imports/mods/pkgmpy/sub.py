VALUE = "from pkgmpy.sub"
